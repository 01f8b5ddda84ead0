"""Monitor layer: read news, find reported trips of persons with warrants, alert."""
