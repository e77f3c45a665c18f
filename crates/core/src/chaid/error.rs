//! Errors of the CHAID module: what is wrong and what the user can do.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum ChaidError {
    UnknownVariable(String),
    NoCases,
    NoPredictors,
    WeightNotNumeric(String),
    ScaleNotNumeric(String),
    TooManyCategories(String),
    InvalidParameter {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
    UnknownTargetClass(String),
}

impl fmt::Display for ChaidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChaidError::UnknownVariable(v) => write!(f, "De variabele `{v}` bestaat niet in de gegevens. Controleer de naam (hoofdletters tellen mee)."),
            ChaidError::NoCases => write!(f, "Er zijn geen bruikbare gevallen: elke rij mist de afhankelijke variabele, een geldig gewicht of alle voorspellers."),
            ChaidError::NoPredictors => write!(f, "Kies minstens één voorspeller."),
            ChaidError::WeightNotNumeric(v) => write!(f, "De gewichtsvariabele `{v}` bevat geen getallen. Kies een numerieke kolom als gewicht."),
            ChaidError::ScaleNotNumeric(v) => write!(f, "`{v}` is als schaalvariabele gekozen maar bevat tekst. Kies nominaal of ordinaal, of maak de kolom numeriek."),
            ChaidError::TooManyCategories(v) => write!(f, "`{v}` heeft meer dan 65.000 verschillende waarden. Is dit een identificatienummer? Laat deze variabele weg."),
            ChaidError::InvalidParameter { name, value, expected } => write!(f, "Instelling {name} = {value} is ongeldig: {expected}."),
            ChaidError::UnknownTargetClass(c) => write!(f, "De doelcategorie `{c}` komt niet voor in de afhankelijke variabele."),
        }
    }
}

impl std::error::Error for ChaidError {}
