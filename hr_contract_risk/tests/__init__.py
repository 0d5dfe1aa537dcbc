from . import test_expiry
