from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government body")
    AGENCY = "agency", _("Promotion or trade agency")
    ASSOCIATION = "association", _("Business association")
    UNIVERSITY = "university", _("University or school")
    DIPLOMATIC = "diplomatic", _("Embassy or consulate")
    OTHER = "other", _("Other")


class NameOrder(models.TextChoices):
    """How a person's name is written: family name first (Japanese, Vietnamese, Chinese,
    Korean) or given name first (most Western names)."""

    FAMILY_FIRST = "family_first", _("Family name first")
    GIVEN_FIRST = "given_first", _("Given name first")


class Gender(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    MALE = "m", _("Male")
    FEMALE = "f", _("Female")


class InteractionKind(models.TextChoices):
    DELEGATION = "delegation", _("Delegation visit received")
    MISSION = "mission", _("Mission abroad")
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    CONFERENCE = "conference", _("Conference")


class StageKind(models.TextChoices):
    OPEN = "open", _("Open")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")


class InquiryKind(models.TextChoices):
    INQUIRY = "inquiry", _("Inquiry")
    SITE_VISIT = "site_visit", _("Site visit request")


class InquiryStatus(models.TextChoices):
    NEW = "new", _("Awaiting an answer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    COOPERATION = "cooperation", _("Cooperation agreement")
    OTHER = "other", _("Other agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEGOTIATION = "negotiation", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")
    OBSERVER = "observer", _("Observer")


# The pipelines every installation has, with their stages in order: (key, kind, en, vi, ja).
DEFAULT_PIPELINES = [
    (
        "investment",
        ("Investment leads", "Dự án đầu tư tiềm năng", "投資案件"),
        [
            ("inquiry", StageKind.OPEN, ("Inquiry", "Yêu cầu thông tin", "問い合わせ")),
            ("first_meeting", StageKind.OPEN, ("First meeting", "Gặp gỡ lần đầu", "初回面談")),
            ("site_visit", StageKind.OPEN, ("Site visit", "Khảo sát thực địa", "現地視察")),
            ("proposal", StageKind.OPEN, ("Proposal", "Đề xuất dự án", "事業提案")),
            ("mou", StageKind.OPEN, ("MOU", "Biên bản ghi nhớ", "覚書締結")),
            ("certificate", StageKind.WON, ("Certificate granted", "Đã cấp giấy chứng nhận", "投資登録証明書交付")),
            ("operating", StageKind.WON, ("Operating", "Đi vào hoạt động", "操業開始")),
        ],
    ),
    (
        "supplier",
        ("Supplier introductions", "Kết nối nhà cung ứng", "サプライヤー紹介"),
        [
            ("identified", StageKind.OPEN, ("Identified", "Đã xác định", "候補特定")),
            ("introduced", StageKind.OPEN, ("Introduced", "Đã giới thiệu", "紹介済み")),
            ("audit", StageKind.OPEN, ("Factory audit", "Đánh giá nhà máy", "工場監査")),
            ("trial_order", StageKind.OPEN, ("Trial order", "Đơn hàng thử", "試作発注")),
            ("supplying", StageKind.WON, ("Supplying", "Đang cung ứng", "取引開始")),
        ],
    ),
    (
        "aftercare",
        ("Aftercare and expansion", "Hậu đầu tư và mở rộng", "アフターケア・拡張"),
        [
            ("check_in", StageKind.OPEN, ("Check-in", "Thăm hỏi định kỳ", "定期訪問")),
            ("issue", StageKind.OPEN, ("Issue raised", "Vướng mắc phát sinh", "課題対応")),
            ("expansion_plan", StageKind.OPEN, ("Expansion plan", "Kế hoạch mở rộng", "拡張計画")),
            ("capital_increase", StageKind.WON, ("Capital increase", "Tăng vốn", "増資")),
        ],
    ),
]

# The investment pipeline's stage that a registry certificate moves a lead to.
CERTIFICATE_STAGE = "certificate"
