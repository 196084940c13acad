"""Form fields for choosing people, shared by every app that names an owner or a member."""

from __future__ import annotations

from django import forms

from .models import Person


def active_people():
    return Person.objects.filter(is_active=True).select_related("agency")


class PersonChoiceField(forms.ModelChoiceField):
    """People named with their agency, so two people of the same name can be told apart."""

    def __init__(self, queryset=None, **kwargs) -> None:
        super().__init__(queryset=active_people() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, person: Person) -> str:
        return f"{person.full_name} ({person.agency})"
