"""What the zones need from the CRM, read only when the CRM app provides it: a plot can be
held for a lead. The zones work without the CRM (a hold then names a prospect).
"""

from django.apps import apps


def lead_model():
    try:
        return apps.get_model("crm", "Lead")
    except LookupError:
        return None


def get_lead(lead_id):
    model = lead_model()
    if model is None or lead_id is None:
        return None
    return model.objects.filter(pk=lead_id).first()
