//! A template's flow drawn as SVG, with the path a route took highlighted.
