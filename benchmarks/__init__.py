"""The performance harness: a generated portal on loopback, and zwgk measured against what bounds it."""
