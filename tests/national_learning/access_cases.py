from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.national_learning.factories import NationalReviewFactory, RecommendationFactory
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _review(cast):
    return {"pk": NationalReviewFactory().pk}


def _recommendation(cast):
    return {"pk": RecommendationFactory().pk}


ACCESS_CASES = [
    AccessCase("national_learning:review_list", BOARD_BUSINESS_READERS),
    AccessCase("national_learning:review_create", MANAGER),
    AccessCase("national_learning:review_detail", BOARD_BUSINESS_READERS, _review),
    AccessCase("national_learning:review_edit", MANAGER, _review),
    AccessCase("national_learning:review_decide", MANAGER, _review),
    AccessCase("national_learning:recommendation_add", MANAGER, _review),
    AccessCase("national_learning:recommendation_add_action", MANAGER, _recommendation),
]
