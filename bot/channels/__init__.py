"""Input channels. Rasa imports them by path from credentials.yml.

- `rest.ReliableRestInput` (`bot.channels.ReliableRestInput`): Rasa's REST channel that never
  leaves a message without a reply.
- `teams.TeamsInput`: Microsoft Teams (Azure Bot Service) at /webhooks/teams/webhook.
- `slack.SlackEventsInput`: Slack's Events API at /webhooks/slack/webhook.
- `rendering`: the corpus's text rendered for each channel.
"""

from bot.channels.rest import NO_REPLY, ReliableRestInput

__all__ = ["NO_REPLY", "ReliableRestInput"]
