"""Spiders: ``SiteSpider`` (driven by site files) and ``GenericSpider`` (any site from a start URL)."""
