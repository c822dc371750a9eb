"""e-Cabinet's visual language in one place: tokens (type, spacing, colours for light and
dark), the application's style sheet built from them, and the painting of chips and badges
that list delegates share. Screens name a tone ("ok", "danger") or a size ("caption"), never
a colour or a pixel count of their own. GUI thread.
"""
