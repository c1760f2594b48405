"""The HTTP face of the hub: Starlette app, settings, lifespan, health, auth and the CLI."""
