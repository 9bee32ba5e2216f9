"""HTML for records. Every function takes records and returns markup; none reads files.

All text that comes from data goes through :func:`html.text` (escaped) and every
address through :func:`html.href` (only web, mail and site-relative addresses).
"""
