"""Who may read and record children's voice. Board business readers read it; the business
manager records activities, codes what was said, responds and publishes. Anyone may read
what is published, on the public page."""

import rules

from safeboard.accounts.predicates import is_board_business_reader, is_business_manager

rules.add_perm("voice.view", is_board_business_reader)
rules.add_perm("voice.record", is_business_manager)
rules.add_perm("voice.respond", is_business_manager)
rules.add_perm("voice.publish", is_business_manager)
