/** Chart colours from a colour-blind-safe palette (Okabe–Ito): the dashboard's charts and the digests' images. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"];
