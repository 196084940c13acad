"""Statistical process control: the XmR calculator and its special-cause rules (xmr), each
indicator's chart from its figures (selectors), drawn as SVG (charts), and its settings."""
