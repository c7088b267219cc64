"""Customer 360, Qt-free: phone identity, search, duplicates and merge, metrics, segments,
children and birthday promos, tags/notes/custom fields, the timeline and the profile.

Every function takes a ``Session`` (the caller owns the transaction) and returns plain frozen
dataclasses, so the console's customer panel calls them through its background-operation runner
and never touches an ORM object. Modules:

* :mod:`~app.customers.identity` — phone lookup (screen pop), order → customer matching
* :mod:`~app.customers.search` — ranked search; global search (customers and orders)
* :mod:`~app.customers.service` — create / edit, phones, duplicate refusal
* :mod:`~app.customers.duplicates` — duplicate rules and groups
* :mod:`~app.customers.merge` — merge a duplicate into the customer kept
* :mod:`~app.customers.metrics` / :mod:`~app.customers.segments` — figures and badges
* :mod:`~app.customers.attributes` — tags, notes, custom field values
* :mod:`~app.customers.children` / :mod:`~app.customers.birthdays` — children, birthday promos
* :mod:`~app.customers.timeline` / :mod:`~app.customers.profile` — what the panel shows
"""
