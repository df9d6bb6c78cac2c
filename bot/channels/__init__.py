"""Input channels, one module each; Rasa imports them by path from credentials.yml.

- `rest.ReliableRestInput`: Rasa's REST channel that never leaves a message without a reply.
- `web.WebChatInput` and `web.WebPageInput`: the web chat widget's socket.io channel and the demo
  careers page at /chat.
- `teams.TeamsInput`: Microsoft Teams (Azure Bot Service) at /webhooks/teams/webhook.
- `slack.SlackEventsInput`: Slack's Events API at /webhooks/slack/webhook.
- `common`: what the channels share; `rendering`: the corpus's text rendered for each channel.
- `limits`: the input limits every channel applies before NLU (message length, clean-up, request
  size, rate limits); `identity`: conversation ids namespaced per channel, signed web chat sessions
  and the REST channel's token.
"""
