"""Personalised offers and challenges: targeted, activated by the member, rewarded once."""
