"""The indicator catalogue, kept by the business manager: each indicator's definition, owner,
target and priorities, and the pages that list, show and change them."""
