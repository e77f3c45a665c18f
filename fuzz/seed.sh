#!/bin/sh
# Seed corpora for the fuzz targets (all synthetic): the demo files, and small
# texts for the value parsers. Usage: fuzz/seed.sh PERSPECTIEF_BINARY OUT_DIR
set -e
bin="$1"; out="$2"
rm -rf "$out"; mkdir -p "$out"
"$bin" demo --out "$out/demo" >/dev/null
for t in csv_reader spreadsheet_reader load_csv load_spreadsheet dates numbers vnummer columns recept chaid_params linkage_file; do mkdir -p "$out/$t"; done
for f in "$out"/demo/*.csv "$out"/demo/*.txt; do cp "$f" "$out/load_csv/"; cp "$f" "$out/csv_reader/"; done
for f in "$out"/demo/*.xlsx; do cp "$f" "$out/load_spreadsheet/"; cp "$f" "$out/spreadsheet_reader/"; done
# The broken corpus's small workbooks (xls, xlsx, ods; written by `cargo test --test bad_corpus`).
for f in tests/corpus/bad/*.xls tests/corpus/bad/*.xlsx tests/corpus/bad/*.xlsb tests/corpus/bad/*.ods; do
  [ -f "$f" ] && [ "$(wc -c < "$f")" -le 65536 ] && cp "$f" "$out/load_spreadsheet/" && cp "$f" "$out/spreadsheet_reader/"
done
# Linkage files: made from the demo by the CLI (pseudonymise), as the researcher receives them.
printf 'Xq7v-9kPz-Lm3t-Rw8y-Bn2c-Hd5f-Jg6s-Ka4e\n' > "$out/geheim.txt"
for f in "$out"/demo/*.csv; do
  "$bin" pseudonymise --secret-file "$out/geheim.txt" --date 2026-12-01 --seed 1 --out "$out/linkage" "$f" >/dev/null 2>&1 || true
done
[ -d "$out/linkage" ] && find "$out/linkage" -name '*.csv' -size -64k -exec cp {} "$out/linkage_file/" \;
i=0
for s in "1-10-2009" "01-10-2009" "1/10/2009" "2009-10-01" "1 okt 2009" "01-okt-2009" "1 oktober 2009" \
         "31-02-2010" "00-00-0000" "2009-10-01 00:00:00" "12/31/2009" "1 mrt 2010" "40087"; do
  i=$((i+1)); printf '%s' "$s" > "$out/dates/$i"
done
for s in "1.234,5" "12,5" "1,234.5" "-3" "ja" "nee" "Onbekend" "1.23E+09" "  7 "; do
  i=$((i+1)); printf '%s' "$s" > "$out/numbers/$i"
done
for s in "00123456789" "10123.456.789" "1123456789" "0CRV 1234567" "01.23E+09" "0012O456789"; do
  i=$((i+1)); printf '%s' "$s" > "$out/vnummer/$i"
done
for s in "V-nummer" "Naam" "Geboortedatum" "Land van herkomst" "Datum instroom" "pseudoniem_v_nummer" "naamcodering"; do
  i=$((i+1)); printf '%s' "$s" > "$out/columns/$i"
done
printf '%s' '{"format":"perspectief-recept/1","files":[{"name":"a.csv","bytes":3,"sha256":"ab"}],"accept_above":0.9,"analyses":[{"type":"tree","target":"mob","predictors":["steunpunt"],"params":{"max_depth":2},"target_class":"ja"}]}' > "$out/recept/1"
for p in '{"min_parent":4,"min_child":2,"max_depth":5}' '{"method":"exhaustive","min_parent":2,"min_child":1,"intervals":3}' \
         '{"statistic":"likelihood_ratio","bonferroni":false,"resplit":true,"min_parent":6,"min_child":3}' \
         '{"force_first":"schaal","min_parent":2,"min_child":1,"convergence":{"epsilon":1e-12,"max_iterations":10000}}'; do
  i=$((i+1)); printf '%s' "$p" > "$out/chaid_params/$i"
done
printf 'pseudoniem_v_nummer;naamcodering;geboortedatum_pseudoniem\nab12;zz;cd34\n' > "$out/linkage_file/handmatig.csv"
