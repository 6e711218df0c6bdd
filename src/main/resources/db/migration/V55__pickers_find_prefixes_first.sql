-- Pickers at a million customers (lifecycle/PickerQuery). What a cashier types is most often the start of a word of
-- the name, a code or an email: these b-tree indexes (text_pattern_ops, byte order, so a prefix is a range) hand
-- over the first 20 such records in index order and stop. Only when fewer than 20 start that way does the picker
-- look for records that contain it elsewhere (the name walk and trigram index of V18_1 and V30). Partial over what
-- pickers offer.
CREATE INDEX customers_picker_name ON customers (lower(name) text_pattern_ops)
    WHERE status = 'ACTIVE' AND NOT is_system;
CREATE INDEX customers_picker_second_word ON customers (split_part(lower(name), ' ', 2) text_pattern_ops)
    WHERE status = 'ACTIVE' AND NOT is_system;
CREATE INDEX customers_picker_code ON customers (lower(code) text_pattern_ops)
    WHERE status = 'ACTIVE' AND NOT is_system;
CREATE INDEX customers_picker_email ON customers (lower(email) text_pattern_ops)
    WHERE status = 'ACTIVE' AND NOT is_system;

CREATE INDEX items_picker_name ON items (lower(name) text_pattern_ops) WHERE status = 'ACTIVE';
CREATE INDEX items_picker_sku ON items (lower(sku) text_pattern_ops) WHERE status = 'ACTIVE';
CREATE INDEX items_picker_barcode ON items (lower(barcode) text_pattern_ops) WHERE status = 'ACTIVE';
