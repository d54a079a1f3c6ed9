"""The demonstration data: a few hundred profiles and a few dozen needs in three languages, loaded in
seconds through the services, the same on every load, and idempotent."""

from collections import Counter

from japandesk.core.models import AuditEntry
from japandesk.matching import demo
from japandesk.matching.choices import ProfileState
from japandesk.matching.evaluation import DATA as EVALUATION
from japandesk.matching.evaluation import read_jsonl
from japandesk.matching.models import BuyerNeed, Introduction, SupplierProfile


def test_demo_loads_once_and_is_varied(db):
    evaluation_profiles = len(read_jsonl(EVALUATION / "suppliers.jsonl"))
    evaluation_needs = len(read_jsonl(EVALUATION / "needs.jsonl"))
    first = demo.load()
    assert first["profiles"] == evaluation_profiles + demo.GENERATED
    assert first["needs"] == evaluation_needs + demo.EXTRA_NEEDS
    assert 4 <= first["introductions"] <= 6
    profiles = list(SupplierProfile.objects.all())
    assert len(profiles) == first["profiles"]
    languages = Counter(p.language for p in profiles)
    assert set(languages) == {"vi", "en", "ja", "ko", "zh"}
    assert min(languages["vi"], languages["en"], languages["ja"]) >= 60
    states = Counter(p.state() for p in profiles)
    assert states[ProfileState.EXPIRED] > 0
    assert states[ProfileState.EXPIRING] > 0
    assert states[ProfileState.AWAITING_REVIEW] > 0
    assert states[ProfileState.PROPOSED] > len(profiles) // 2
    assert all(p.illustrative for p in profiles)
    assert {n.language for n in BuyerNeed.objects.all()} >= {"vi", "en", "ja"}
    assert len({i.status for i in Introduction.objects.all()}) >= 4
    assert AuditEntry.objects.filter(content_type__model="supplierprofile").count() == len(profiles)

    snapshot = sorted(SupplierProfile.objects.values_list("ref", "name", "description", "expires_on", "verified"))
    audit_count = AuditEntry.objects.count()
    assert demo.load() == {"profiles": 0, "needs": 0, "introductions": 0}
    assert AuditEntry.objects.count() == audit_count

    demo.load(reset=True)
    assert sorted(SupplierProfile.objects.values_list("ref", "name", "description", "expires_on", "verified")) == (
        snapshot
    )
