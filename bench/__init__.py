"""Benchmarks of SafeBoard, run by `make bench` (`python -m bench`).

Each benchmark times a piece of SafeBoard against a plain baseline in the same process and
prints the median and the ratio, so a slowdown shows whatever the machine. Nothing asserts
on time: read the table.
"""
