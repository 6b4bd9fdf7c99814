"""`quiz review`: the queue (session), the loop (runner), the screens and the keys.

Nothing heavy is imported here, so `quiz review` reaches its first card fast.
"""
