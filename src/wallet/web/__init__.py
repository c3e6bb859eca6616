"""Serving web/: the member wallet at `/`, the cashier console at `/pos`, their assets at
`/web/...`, and the security headers every page and asset carries."""
