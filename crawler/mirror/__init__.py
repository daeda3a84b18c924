"""Synthetic mirror of Vietnamese provincial news sites for tests and ``make demo``.

Everything served here is written for this project and labelled synthetic.
``crawler.mirror.server.Mirror`` serves the articles of ``content/*.yaml``
with layouts modelled on real CMSs (see ``shared/domain/SITES.md``).
"""
