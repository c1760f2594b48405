"""The audit log: entries written with each change, numbered in commit order, and the feed
that turns them into live updates for subscribers."""
