"""Live updates: what changed, pushed to GraphQL subscriptions over WebSocket."""
