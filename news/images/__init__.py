"""The image library: photos uploaded once (alt text required), chosen as
an article's cover or placed in its body, and shown through renditions made
once with Pillow (``renditions``)."""
