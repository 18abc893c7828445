"""Taking in articles the way users have them: saved web pages, links and news feeds.

`inputs` turns what the user names into inputs (fetching links and feeds first),
`fetch` fetches politely, `feeds` reads RSS and Atom, `pages` turns a page's HTML into
the same validated `Article` an article JSON file gives, with `metadata` deciding its
title, publisher, URL, slug and language.
"""
