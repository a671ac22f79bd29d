"""zwgk's domain: what the forms ask and how a website shows it. Importing it registers every rule family."""

from rules import (  # noqa: F401 - explicit registration, one import per family
    annual_report,
    budget,
    columns,
    disclosure_platform,
    organisation,
    portal_sites,
    services,
    statutory,
)
