from . import hr_training_record
from . import slide_channel
from . import slide_channel_partner
