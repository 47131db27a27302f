"""Stage 1, text: files to documents to sentences, every piece tied to character offsets.

- :mod:`~actors.text.reading`: the corpus folder, decoding, files that cannot be read;
- :mod:`~actors.text.documents`: one document, its layout decided (:func:`parse_document`);
- :mod:`~actors.text.fields`: infobox fields and the belligerents block;
- :mod:`~actors.text.lines`: the page as lines (noise, headings, prose paragraphs);
- :mod:`~actors.text.cleaning`: offset-preserving cleaning of inline noise;
- :mod:`~actors.text.sentences`: sentence splitting;
- :mod:`~actors.text.date_mentions`, :mod:`~actors.text.date_values`,
  :mod:`~actors.text.date_layout`, :mod:`~actors.text.dates`: what dates the text
  says, what its headings and timeline items put in force, and the date each
  sentence is in;
- :mod:`~actors.text.tokens`: word tokens with offsets, for matching.

Nothing here knows about actors or relations.
"""

__all__: list[str] = []  # the stage's names are re-exported by :mod:`actors`
