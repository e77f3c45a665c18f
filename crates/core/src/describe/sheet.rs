//! Published tables as sheets for xlsx and csv: hidden counts as "<5" or "x",
//! the threshold and the χ² (or only its p-value class) stated under the table.

use super::tables::{MeansTable, Of, Published};
use crate::disclosure::Count;
use crate::locale::Locale;
use crate::table::{Cell, Sheet};

fn count(c: Count, threshold: u64) -> Cell {
    c.n.map_or_else(|| Cell::text(c.text(threshold, Locale::Nl)), |n| Cell::Number(n as f64))
}

fn percent(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, |x| Cell::Number((x * 10.0).round() / 10.0))
}

fn protection_note(threshold: u64) -> Vec<Cell> {
    vec![Cell::text(crate::disclosure::note(threshold, Locale::Nl))]
}

impl Published {
    pub fn sheet(&self) -> Sheet {
        let t = self.threshold;
        let (name, header) = match &self.col_variable {
            None => ("Frequenties", vec![self.row_variable.clone(), "n".into(), "%".into()]),
            Some(_) => (
                "Kruistabel",
                std::iter::once(self.row_variable.clone())
                    .chain(
                        self.cols
                            .iter()
                            .flat_map(|c| [format!("{c} (n)"), format!("{c} (rij-%)")]),
                    )
                    .chain(["Totaal".to_string()])
                    .collect(),
            ),
        };
        let mut s = Sheet::new(name, header);
        if let Some(c) = &self.col_variable {
            s.title_rows
                .push(vec![Cell::text(format!("{} × {c}", self.row_variable))]);
        }
        for (i, label) in self.rows.iter().enumerate() {
            let mut row = vec![Cell::text(label.clone())];
            match self.col_variable {
                None => row.extend([count(self.cells[i][0], t), percent(self.percent(i, 0, Of::Total))]),
                Some(_) => {
                    for j in 0..self.cols.len() {
                        row.extend([count(self.cells[i][j], t), percent(self.percent(i, j, Of::Row))]);
                    }
                    row.push(count(self.row_totals[i], t));
                }
            }
            s.rows.push(row);
        }
        let mut total = vec![Cell::text("Totaal")];
        match self.col_variable {
            None => total.extend([count(self.total, t), Cell::Number(100.0)]),
            Some(_) => {
                for &n in &self.col_totals {
                    total.extend([count(n, t), Cell::Empty]);
                }
                total.push(count(self.total, t));
            }
        }
        s.footer_rows.push(total);
        if let Some((x2, df, p)) = self.chi_square {
            s.footer_rows.push(vec![
                Cell::text("Chi-kwadraat"),
                Cell::Number((x2 * 1000.0).round() / 1000.0),
                Cell::text("df"),
                Cell::Number(df),
                Cell::text("p"),
                Cell::Number((p * 1000.0).round() / 1000.0),
            ]);
        }
        if let Some((df, class)) = self.p_class {
            s.footer_rows.push(vec![
                Cell::text("Chi-kwadraat (niet getoond: er zijn aantallen verborgen)"),
                Cell::Empty,
                Cell::text("df"),
                Cell::Number(df),
                Cell::text("p"),
                Cell::text(class.text(Locale::Nl)),
            ]);
        }
        if self.missing.n != Some(0) {
            s.footer_rows.push(vec![
                Cell::text("Niet meegeteld (ontbrekende waarde)"),
                count(self.missing, t),
            ]);
        }
        s.footer_rows.push(protection_note(t));
        s
    }
}

impl MeansTable {
    pub fn sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "Gemiddelden",
            vec![self.by.clone(), "Gemiddelde".into(), "Std. afw.".into(), "n".into()],
        );
        s.title_rows
            .push(vec![Cell::text(format!("{} per {}", self.variable, self.by))]);
        for r in &self.rows {
            let number = |x: Option<f64>| x.map_or(Cell::Empty, Cell::Number);
            s.rows.push(vec![
                Cell::text(r.group.clone()),
                number(r.mean),
                number(r.sd),
                count(r.n, self.threshold),
            ]);
        }
        s.footer_rows.push(protection_note(self.threshold));
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::chaid::data::RawColumn;
    use crate::describe::frequencies;
    use crate::write::csv::{write, CsvStyle};

    #[test]
    fn a_protected_frequency_table_as_csv() {
        let mut v = vec![Some("=1+1"); 30];
        v.extend([Some("nee"); 3]);
        v.extend([Some("onbekend"); 7]);
        let p = frequencies("x", &RawColumn::text(v), 5).unwrap();
        let csv = String::from_utf8(write(&p.sheet(), CsvStyle::default())).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "x;n;%");
        assert_eq!(lines[1], "'=1+1;30;75", "formula-like labels are neutralised");
        assert_eq!(lines[2], "nee;<5;");
        assert_eq!(lines[3], "onbekend;x;", "7 is hidden so that 3 is not 40 − 30 − 7");
        assert_eq!(lines[4], "Totaal;40;100");
        assert!(
            lines[5].starts_with("\"Aantallen onder de 5 staan als \"\"<5\"\". Met \"\"x\"\""),
            "{}",
            lines[5]
        );
    }
}
