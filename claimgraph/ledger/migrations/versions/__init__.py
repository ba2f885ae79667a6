"""One file per schema revision; ``down_revision`` chains them."""
