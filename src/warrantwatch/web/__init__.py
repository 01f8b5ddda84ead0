"""The web layer: server-rendered dashboard (Jinja2 + htmx) and the JSON API (FastAPI).

``create_app`` in :mod:`warrantwatch.web.app` builds the whole site; ``warrantwatch serve``
runs it under uvicorn.
"""
