"""MK705 email-authority-placement: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.email_authority_placement import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug, "email") == [
        ('email-authority-placement', 7, 1, 'the authority block comes before the end of the message (portion (S) on line 11); in an e-mail it goes after the signature block, before the closing banner'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug, "email") == []


REPLY = """From: jane.smith@example.mil
To: john.doe@example.mil
Subject: (U) RE: Convoy schedule

SECRET//NOFORN

(S//NF) The convoy leaves at dawn; I agree with your plan.

Jane

Classified By: Jane Smith, Director, Office of Plans
Derived From: Multiple Sources
Declassify On: 20500304

-----Original Message-----
From: john.doe@example.mil
Sent: Monday, March 3, 2025 4:40 PM
To: jane.smith@example.mil
Subject: (U) Convoy schedule

(S//NF) I propose the convoy leave at dawn.

John

Classified By: John Doe, Chief, Plans Division
Derived From: Multiple Sources
Declassify On: 20500303

SECRET//NOFORN
"""


def test_a_quoted_message_keeps_its_own_portions_and_block():
    """A reply's block stands after its own signature; the quoted message below it, with its
    portions and its own block, is not "after the block", nor a second Declassify On line."""
    assert found(REPLY, RULE.slug, "email") == []
    assert found(REPLY, "cab-declassify-invalid", "email") == []
    assert found(REPLY, "cab-declassify-invalid") == []  # the same thread saved as text


def test_a_portion_after_the_block_above_the_quoted_message_is_still_reported():
    text = REPLY.replace("Declassify On: 20500304\n\n", "Declassify On: 20500304\n\n(S//NF) One more thing.\n\n", 1)
    assert found(text, RULE.slug, "email") == [
        ("email-authority-placement", 11, 1, "the authority block comes before the end of the message (portion "
         "(S//NF) on line 15); in an e-mail it goes after the signature block, before the closing banner"),
    ]
