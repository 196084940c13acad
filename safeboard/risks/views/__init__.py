"""Views split by page kind: the register (list, heat map, export) and one risk's pages."""
