"""Printed documents: referral letters and consent forms (reportlab, no Qt).

``renderer`` holds the renderer classes, ``fonts`` registers the bundled DejaVu fonts once,
``text`` cleans text before it enters Paragraph markup and shapes Arabic script,
``templates`` reads the letter templates in resources/letters.
"""
