//! A catalogue text as a child of a view: `{tv!(key)}`.
//!
//! `{t!(key)}` would look the text up where the view is built, at each of
//! hundreds of places, and hand the view a string; a [`Text`] holds only
//! its key, and the lookup happens once, here, when it is drawn. The same
//! page, with less code at every place (smaller wasm).

use crate::i18n::{Key, text};
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::strings::StrState;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

/// The text of `key` in the language shown, drawn as a text node.
#[derive(Clone, Copy)]
pub struct Text(pub Key);

/// `tv!(key)`: the catalogue text `key` as a view child (see [`Text`]).
#[macro_export]
macro_rules! tv {
    ($key:ident) => {
        $crate::app::text::Text($crate::i18n::Key::$key)
    };
}

impl Render for Text {
    type State = StrState<'static>;

    fn build(self) -> Self::State {
        text(self.0).build()
    }

    fn rebuild(self, state: &mut Self::State) {
        text(self.0).rebuild(state);
    }
}

impl AddAnyAttr for Text {
    type Output<SomeNewAttr: Attribute> = Text;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        self
    }
}

impl RenderHtml for Text {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        text(self.0).to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        text(self.0).hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
