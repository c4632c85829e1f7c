"""The moderators' pages: login, the review queue and history, the admin pages, and what they share."""
