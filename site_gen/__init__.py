"""site-gen: a static site generator for rectification-progress notices (巡察整改进展情况通报)."""

__version__ = "0.1.0"
