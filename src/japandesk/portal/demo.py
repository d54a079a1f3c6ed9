"""The portal's demonstration content: the incentives, procedures, priority sectors, contact and
personal-data pages in Japanese, English and Vietnamese, and two news posts. The texts summarise
the general rules for readers of a demonstration; they are not legal advice. Loading is
idempotent: a page or post that exists is left as it is.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from japandesk.portal import services
from japandesk.portal.models import NewsPost, PageTranslation

PAGES = {
    "incentives": {
        "en": (
            "Investment incentives",
            "Projects in Quang Ninh's economic zones and industrial parks enjoy the incentives of Vietnam's Law on "
            "Investment and tax laws. In short, and subject to the conditions of each law:\n\n"
            "Corporate income tax: a preferential rate of 10% for 15 years for new projects in economic zones, "
            "with a four-year exemption and a 50% reduction for the following nine years; projects in industrial "
            "parks receive a two-year exemption and a 50% reduction for the following four years.\n\n"
            "Import duties: exemption for goods imported to form fixed assets, and for raw materials not yet "
            "produced in Vietnam during the first five years of production in the areas the law lists.\n\n"
            "Land: exemption from or reduction of land rent for projects in encouraged sectors and areas.\n\n"
            "The Japan Desk confirms the incentives that apply to your project before you apply.",
        ),
        "ja": (
            "投資優遇",
            "クアンニン省の経済区・工業団地の案件は、ベトナムの投資法および税法の優遇を受けられます。"
            "概要は次のとおりです（各法令の条件によります）。\n\n"
            "法人税：経済区の新規案件は15年間10%の優遇税率、4年間免税・その後9年間50%減税。"
            "工業団地の案件は2年間免税・その後4年間50%減税。\n\n"
            "輸入税：固定資産となる輸入品、および法令の定める地域で生産開始から5年間、国内で生産されていない原材料の輸入税を免除。\n\n"
            "土地：奨励分野・地域の案件は土地賃料の免除または減額。\n\n"
            "申請前に、ジャパンデスクが貴社の案件に適用される優遇を確認いたします。",
        ),
        "vi": (
            "Ưu đãi đầu tư",
            "Dự án tại các khu kinh tế, khu công nghiệp của Quảng Ninh được hưởng ưu đãi theo Luật Đầu tư và "
            "các luật thuế. Tóm tắt, theo điều kiện của từng luật:\n\n"
            "Thuế thu nhập doanh nghiệp: thuế suất 10% trong 15 năm cho dự án mới trong khu kinh tế, miễn 4 năm "
            "và giảm 50% trong 9 năm tiếp theo; dự án trong khu công nghiệp được miễn 2 năm và giảm 50% trong 4 "
            "năm tiếp theo.\n\n"
            "Thuế nhập khẩu: miễn thuế hàng hóa nhập khẩu tạo tài sản cố định, và nguyên liệu trong nước chưa "
            "sản xuất được trong 5 năm đầu sản xuất tại các địa bàn luật quy định.\n\n"
            "Đất đai: miễn, giảm tiền thuê đất cho dự án thuộc ngành nghề, địa bàn ưu đãi.\n\n"
            "Japan Desk xác nhận các ưu đãi áp dụng cho dự án của bạn trước khi nộp hồ sơ.",
        ),
    },
    "procedures": {
        "en": (
            "Investment procedures",
            "1. Choose a site: the Japan Desk arranges site visits and meetings with park developers.\n\n"
            "2. Investment policy approval, where the law requires it for the project's size or sector.\n\n"
            "3. Investment registration certificate: issued by the Management Board of Economic Zones for projects "
            "in economic zones and industrial parks, by the provincial investment authority elsewhere.\n\n"
            "4. Enterprise registration certificate for the Vietnamese company.\n\n"
            "5. Land lease, environmental procedures and construction permit.\n\n"
            "The Japan Desk accompanies each step in Japanese.",
        ),
        "ja": (
            "投資手続き",
            "1. 用地選定：ジャパンデスクが現地視察と工業団地開発事業者との面談を手配します。\n\n"
            "2. 投資方針の承認（規模・分野により法令で必要な場合）。\n\n"
            "3. 投資登録証明書：経済区・工業団地の案件は経済区管理委員会、その他は省の投資担当機関が発行します。\n\n"
            "4. ベトナム法人の企業登録証明書。\n\n"
            "5. 土地賃貸、環境手続き、建築許可。\n\n"
            "各段階をジャパンデスクが日本語でサポートします。",
        ),
        "vi": (
            "Thủ tục đầu tư",
            "1. Chọn địa điểm: Japan Desk bố trí khảo sát thực địa và gặp gỡ chủ đầu tư hạ tầng.\n\n"
            "2. Chấp thuận chủ trương đầu tư, khi luật yêu cầu theo quy mô hoặc ngành nghề của dự án.\n\n"
            "3. Giấy chứng nhận đăng ký đầu tư: do Ban Quản lý các khu kinh tế cấp cho dự án trong khu kinh tế, "
            "khu công nghiệp; do cơ quan đầu tư cấp tỉnh cấp cho dự án ngoài khu.\n\n"
            "4. Giấy chứng nhận đăng ký doanh nghiệp cho công ty tại Việt Nam.\n\n"
            "5. Thuê đất, thủ tục môi trường và giấy phép xây dựng.\n\n"
            "Japan Desk đồng hành ở từng bước.",
        ),
    },
    "sectors": {
        "en": (
            "Priority sectors",
            "The province welcomes electronics and precision parts, mechanical engineering, automotive supply, "
            "high-quality textiles, clean energy, logistics and seaport services, and tourism.",
        ),
        "ja": (
            "重点分野",
            "電子・精密部品、機械、自動車部品、高品質繊維、クリーンエネルギー、物流・港湾サービス、観光を歓迎しています。",
        ),
        "vi": (
            "Ngành ưu tiên",
            "Tỉnh khuyến khích điện tử và linh kiện chính xác, cơ khí, công nghiệp hỗ trợ ô tô, dệt may chất "
            "lượng cao, năng lượng sạch, logistics và dịch vụ cảng biển, du lịch.",
        ),
    },
    "contact": {
        "en": (
            "Contact",
            "Japan Desk, investment promotion agency of Quang Ninh province.\n\n"
            "Write to us with the inquiry form; we answer in Japanese, English or Vietnamese.",
        ),
        "ja": (
            "お問い合わせ",
            "クアンニン省投資促進機関 ジャパンデスク\n\n"
            "お問い合わせフォームからご連絡ください。日本語、英語、ベトナム語で回答します。",
        ),
        "vi": (
            "Liên hệ",
            "Japan Desk, cơ quan xúc tiến đầu tư tỉnh Quảng Ninh.\n\n"
            "Vui lòng gửi câu hỏi qua biểu mẫu; chúng tôi trả lời bằng tiếng Nhật, tiếng Anh hoặc tiếng Việt.",
        ),
    },
    "privacy": {
        "en": (
            "Personal data",
            "We process the personal data you send us (name, company, e-mail, your message) to answer you and "
            "follow up your project, with your consent, under Vietnam's Decree 13/2023/ND-CP on personal data "
            "protection.\n\nYou may ask to see, correct or delete your data, or withdraw your consent, by writing "
            "to the Japan Desk.",
        ),
        "ja": (
            "個人データの取り扱い",
            "お送りいただいた個人データ（氏名、会社名、メールアドレス、お問い合わせ内容）は、ご同意に基づき、"
            "ベトナムの個人データ保護に関する政令13/2023/ND-CPに従い、回答と案件のフォローアップのために取り扱います。\n\n"
            "ジャパンデスクにご連絡いただければ、データの閲覧、訂正、削除、同意の撤回ができます。",
        ),
        "vi": (
            "Dữ liệu cá nhân",
            "Chúng tôi xử lý dữ liệu cá nhân bạn gửi (họ tên, công ty, e-mail, nội dung) để trả lời và theo dõi "
            "dự án, với sự đồng ý của bạn, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.\n\nBạn có thể "
            "yêu cầu xem, sửa, xóa dữ liệu hoặc rút lại sự đồng ý bằng cách liên hệ Japan Desk.",
        ),
    },
}

NEWS = [
    (
        "japan-desk-portal-opens",
        datetime.date(2025, 11, 20),
        {
            "en": (
                "The Japan Desk portal opens",
                "Zones, land and incentives in three languages.",
                "Investors can now find the province's zones and land, and ask the Japan Desk, in Japanese, "
                "English and Vietnamese.",
            ),
            "ja": (
                "ジャパンデスクのポータルを開設",
                "区域・用地・優遇措置を3言語で。",
                "投資家の皆様は、省の区域と用地を日本語・英語・ベトナム語で探し、ジャパンデスクに問い合わせることができます。",
            ),
            "vi": (
                "Ra mắt cổng thông tin Japan Desk",
                "Khu, quỹ đất và ưu đãi bằng ba ngôn ngữ.",
                "Nhà đầu tư có thể tìm hiểu các khu, quỹ đất của tỉnh và gửi câu hỏi cho Japan Desk bằng tiếng "
                "Nhật, tiếng Anh và tiếng Việt.",
            ),
        },
    ),
]


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict:
    existing = set(PageTranslation.objects.values_list("key", "language"))
    pages = 0
    for key, languages in PAGES.items():
        for language, (title, body) in languages.items():
            if (key, language) not in existing:
                services.save_page(key=key, language=language, title=title, body=body, actor=None, source="demo")
                pages += 1
    posts = 0
    for slug, published_on, texts in NEWS:
        if NewsPost.objects.filter(slug=slug).exists():
            continue
        post = services.save_news(
            None, slug=slug, published_on=published_on, is_published=True, actor=None, source="demo"
        )
        for language, (title, summary, body) in texts.items():
            services.save_news_text(
                post, language=language, title=title, summary=summary, body=body, actor=None, source="demo"
            )
        posts += 1
    if stdout is not None:
        stdout.write(_("Portal: {pages} page texts and {posts} news posts added.").format(pages=pages, posts=posts))
    return {"pages": pages, "posts": posts}
