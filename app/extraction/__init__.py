"""Extraction: a pure function from an article to its attributed claims. No database here."""

from app.extraction.extract import extract
from app.extraction.knowledge import Knowledge, load_knowledge
from app.extraction.model import Article, Claim, ExtractedArticle

__all__ = ["Article", "Claim", "ExtractedArticle", "Knowledge", "extract", "load_knowledge"]
