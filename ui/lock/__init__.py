"""The lock of the window: idle lock and offline expiry (ecabinet.client.lock)."""
