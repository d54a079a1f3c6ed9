from japandesk.screening.views.appraisals import (
    AppraisalCreateView,
    AppraisalDetailView,
    AppraisalListView,
    DecisionView,
    RankingView,
)
from japandesk.screening.views.briefing import BriefingView
from japandesk.screening.views.criteria import (
    CriteriaCreateView,
    CriteriaDetailView,
    CriteriaListView,
    NewDraftView,
    PublishView,
    VersionDetailView,
    VersionUpdateView,
)
from japandesk.screening.views.dashboard import DashboardView
from japandesk.screening.views.monitoring import (
    CommitmentView,
    ImportConfirmView,
    ImportTemplateView,
    ImportView,
    MonitoringListView,
    ProjectMonitoringView,
    ReportCreateView,
    ReportUpdateView,
)

__all__ = [
    "AppraisalCreateView",
    "AppraisalDetailView",
    "AppraisalListView",
    "BriefingView",
    "CommitmentView",
    "CriteriaCreateView",
    "CriteriaDetailView",
    "CriteriaListView",
    "DashboardView",
    "DecisionView",
    "ImportConfirmView",
    "ImportTemplateView",
    "ImportView",
    "MonitoringListView",
    "NewDraftView",
    "ProjectMonitoringView",
    "PublishView",
    "RankingView",
    "ReportCreateView",
    "ReportUpdateView",
    "VersionDetailView",
    "VersionUpdateView",
]
