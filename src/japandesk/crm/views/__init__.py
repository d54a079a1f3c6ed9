"""The CRM's pages, split by sub-domain."""

from japandesk.crm.views.agreements import *  # noqa: F403
from japandesk.crm.views.board import *  # noqa: F403
from japandesk.crm.views.committees import *  # noqa: F403
from japandesk.crm.views.inquiries import *  # noqa: F403
from japandesk.crm.views.interactions import *  # noqa: F403
from japandesk.crm.views.people import *  # noqa: F403
from japandesk.crm.views.tasks import *  # noqa: F403
