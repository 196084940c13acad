"""A form of plain fields written in Python, as crispy-forms-gds writes it (decision 16).

A list page's filter form went through crispy-forms-gds's template-language templates: a
third of a list page's time, half a millisecond a field. Filter forms hold only plain
fields (selects, text and date inputs, a checkbox), whose markup is fixed: the form group,
its label, hint and errors, the widget with the GOV.UK classes and `aria-describedby`
crispy-forms-gds gives it, and the submit button. `render_form` writes exactly that, with
`format_html`; the widget itself still renders through the form renderer.

Anything else (radios, checkboxes, several widgets in one field, a layout of its own) is
left to crispy-forms-gds, so a form always renders as crispy-forms-gds would render it: the
tests compare the two on every filter form of SafeBoard, empty, filled and with errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.template import engines
from django.template.defaultfilters import slugify
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# The widgets written here: one control each (radios, checkboxes, several widgets in one
# field and file uploads are left to crispy-forms-gds).
_PLAIN_WIDGETS = (forms.Select, forms.Textarea, forms.CheckboxInput, forms.widgets.Input)
_NOT_PLAIN = (forms.RadioSelect, forms.MultiWidget, forms.FileInput, forms.HiddenInput)
# The class crispy-forms-gds gives a widget, by its class name in lower case (a widget it has
# no converter for is given that name), and those it marks as in error, by class name.
_CONVERTERS = {
    "checkboxinput": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "passwordinput": "govuk-input",
    "textarea": "govuk-textarea",
    "clearablefileinput": "govuk-file-upload",
}
_MARKED_IN_ERROR = {"Select", "TextInput", "Textarea"}


def render_form(form: forms.BaseForm) -> SafeString:
    """The form's fields and submit buttons, as `{% crispy form %}` writes them."""
    if not is_plain(form):
        return _rendered_by_crispy(form)
    return mark_safe("".join(_parts(form)))  # noqa: S308 - every part is escaped below


def is_plain(form: forms.BaseForm) -> bool:
    """Whether `render_form` writes the form itself: crispy-forms-gds's defaults, no layout,
    and only the widgets it knows (none asking for a character count or a type of its own)."""
    helper = getattr(form, "helper", None)
    if helper is None or any(
        getattr(helper, name, None) != value for name, value in _DEFAULT_HELPER.items()
    ):
        return False
    return all(field.is_hidden or _is_plain_widget(field.field.widget) for field in form)


# What a FormHelper must say for the form to be written here (crispy-forms-gds's defaults,
# bar the <form> tag and its CSRF token, which SafeBoard's templates write themselves).
_DEFAULT_HELPER = {
    "layout": None,
    "form_tag": False,
    "disable_csrf": True,
    "form_show_errors": True,
    "form_show_labels": True,
    "help_text_inline": False,
    "error_text_inline": True,
    "html5_required": None,  # not set
    "field_template": None,
    "template": None,
    "label_size": "",
    "form_error_title": "",
}


def _is_plain_widget(widget: forms.Widget) -> bool:
    return (
        isinstance(widget, _PLAIN_WIDGETS)
        and not isinstance(widget, _NOT_PLAIN)
        and "input_type" not in widget.attrs
        and "govuk-js-character-count" not in widget.attrs.get("class", "")
    )


def _rendered_by_crispy(form: forms.BaseForm) -> SafeString:
    template = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy form %}")
    return mark_safe(template.render({"form": form}))  # noqa: S308 - crispy escapes


def _parts(form: forms.BaseForm) -> Iterator[str]:
    errors = form.non_field_errors()
    if errors:
        yield format_html(
            '<div class="alert alert-block alert-danger"><ul>{}</ul></div>',
            format_html_join("", "<li>{}</li>", ((error,) for error in errors)),
        )
    for field in form:
        yield str(field) if field.is_hidden else _field(field)
    for button in form.helper.inputs:  # type: ignore[attr-defined]
        yield _button(button)


def _field(field: BoundField) -> str:
    checkbox = isinstance(field.field.widget, forms.CheckboxInput)
    group_class = "govuk-form-group"
    if field.errors:
        group_class += " govuk-form-group--error"
    if field.css_classes():
        group_class += " " + field.css_classes()
    label = ""
    if field.label and not checkbox:
        label = format_html(
            '<label for="{}" class="govuk-label">{}</label>',
            field.id_for_label,
            mark_safe(field.label),  # noqa: S308 - crispy-forms-gds writes labels as they are
        )
    widget = _widget(field)
    if checkbox:
        widget = format_html(
            '<div class="govuk-checkboxes"><div class="govuk-checkboxes__item">{}'
            '<label class="govuk-label govuk-checkboxes__label" for="{}">{}</label></div></div>',
            widget,
            field.id_for_label,
            mark_safe(field.label),  # noqa: S308 - as above
        )
    return format_html(
        '<div id="div_{}" class="{}">{}{}{}{}</div>',
        field.auto_id,
        group_class,
        label,
        _hint(field),
        _errors(field),
        widget,
    )


def _hint(field: BoundField) -> str:
    if not field.help_text:
        return ""
    return format_html(
        '<div id="{}_hint" class="govuk-hint">{}</div>',
        field.auto_id,
        mark_safe(field.help_text),  # noqa: S308 - crispy-forms-gds writes hints as they are
    )


def _errors(field: BoundField) -> SafeString:
    return format_html_join(
        "",
        '<span id="{}_{}_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> {}</span>',
        ((field.auto_id, number, error) for number, error in enumerate(field.errors, start=1)),
    )


def _widget(field: BoundField) -> SafeString:
    """The widget with the classes and `aria-describedby` crispy-forms-gds gives it."""
    widget = field.field.widget
    kind = type(widget).__name__.lower()
    converters = {**_CONVERTERS, **getattr(settings, "CRISPY_CLASS_CONVERTERS", {})}
    classes = converters.get(kind, kind).split()
    classes += [css for css in widget.attrs.get("class", "").split() if css not in classes]
    attrs: dict[str, Any] = {"class": " ".join(classes)}
    described = f"{field.auto_id}_hint" if field.help_text else ""
    if field.errors:
        if type(widget).__name__ in _MARKED_IN_ERROR:
            attrs["class"] += " govuk-input--error"
        for number in range(1, len(field.errors) + 1):
            described = f"{described} {field.auto_id}_{number}_error".lstrip()
    if described:
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


def _button(button) -> SafeString:
    name = slugify(button.name) if len(button.name.split()) > 1 else button.name
    attributes = {"type": button.input_type, "name": name, "value": button.value}
    if button.input_type != "hidden":
        attributes["class"] = button.field_classes
        attributes["id"] = getattr(button, "id", None) or f"{button.input_type}-id-{slugify(name)}"
    return format_html(
        "<input{}{} />",
        format_html_join("", ' {}="{}"', attributes.items()),
        mark_safe(button.flat_attrs),  # noqa: S308 - crispy's flatatt escapes each value
    )
