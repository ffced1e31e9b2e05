"""Very long attachments and junk "words" are indexed without error and stay searchable."""


def ids(results):
    return [h.request_id for h in results.hits]


def test_a_word_after_twenty_thousand_others_is_found(add, doc, search):
    filler = " ".join(f"söz{i % 500}" for i in range(20_000))
    add(doc(1, "Hesabat", "Əlavə", attachments_text=f"{filler} sonuncu cümlə burada"))
    assert ids(search("sonuncu")) == [1]
    assert ids(search("cumle")) == [1]


def test_an_overlong_token_is_skipped_and_joins_no_phrase(add, doc, search):
    junk = "A" * 300
    add(
        doc(1, "Skan", f"Şəhər {junk} büdcəsi. Şəhər büdcəsi ayrıca."),
        doc(2, "Skan", f"Kənd {junk} yolu"),
    )
    assert ids(search("yolu")) == [2]
    assert ids(search('"kənd yolu"')) == []  # the junk between them still separates them
    assert ids(search('"şəhər büdcəsi"')) == [1]
    assert search("a" * 300).total == 0
