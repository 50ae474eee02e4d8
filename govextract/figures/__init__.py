"""Narrative figures: exact numbers (numbers.py) given a meaning by the rules of patterns/figures (engine.py)."""
from .engine import find_figures

__all__ = ["find_figures"]
