-- The workspace language each user chose (nb = Bokmål, nn = Nynorsk); null until they choose.
ALTER TABLE account ADD COLUMN language VARCHAR(2);
